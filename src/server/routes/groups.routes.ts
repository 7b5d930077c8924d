import type { Server } from 'restify';
import { z } from 'zod';
import { createGroup } from '../../domain/groups/create-group';
import { listMyGroups } from '../../domain/groups/list-groups';
import { setGroupParent } from '../../domain/groups/set-group-parent';
import { addMembersByPhone, PHONES_PER_SLICE } from '../../domain/memberships/add-members-by-phone';
import { changeMemberRole } from '../../domain/memberships/change-member-role';
import { listMembers, MAX_MEMBERS_PER_PAGE } from '../../domain/memberships/list-members';
import { removeMember } from '../../domain/memberships/remove-member';
import { describeActor } from '../../domain/organisations/describe-actor';
import { phoneRegionFor } from '../../domain/organisations/phone-region';
import { EMAIL_MAX_LENGTH, EMPLOYEE_ID_MAX_LENGTH } from '../../domain/people/account-hints';
import { splitPhoneList } from '../../domain/people/phone-number';
import { PERSON_NAME_MAX_LENGTH } from '../../domain/uploads/user-group-validator';
import type { ApiDeps } from '../api-deps';
import { WorkGate } from '../http/work-gate';
import { actorOf, parseBody, parseQuery, route } from '../route';

/** `?limit=&after=`: a page of members (the cursor comes from the previous page's `next`). */
const memberPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_MEMBERS_PER_PAGE).optional(),
  after: z.string().max(200).optional(),
});

const createGroupBody = z.object({
  name: z.string(),
  parentId: z.string().nullish(),
  /** Org admins create organisation groups by default; `personal: true` makes a personal one. */
  personal: z.boolean().optional(),
});

/** One person to add, with what helps find their account (the domain checks the values). */
const personToAdd = z.object({
  phone: z.string().max(64),
  name: z.string().max(PERSON_NAME_MAX_LENGTH).optional(),
  email: z.string().max(EMAIL_MAX_LENGTH).optional(),
  employeeId: z.string().max(EMPLOYEE_ID_MAX_LENGTH).optional(),
});

/** Numbers alone (`phones`), or people with a number and optionally more (`people`): one of the two. */
const addMembersBody = z
  .object({
    phones: z.union([z.string(), z.array(z.string())]).optional(),
    // Counted by the use case (TOO_MANY_PHONE_NUMBERS), like `phones`; the body limit bounds the parse.
    people: z.array(personToAdd).optional(),
    region: z.string().optional(),
    role: z.enum(['admin', 'member']).default('member'),
  })
  .refine((body) => (body.phones === undefined) !== (body.people === undefined), {
    message: 'give either phones or people',
  });

/**
 * Adding more than one slice of numbers at once: two such requests run at a time in this process, four
 * wait, one per person (docs/http-hardening.md, "Heavy member work"). 5,000 numbers take 1–3 s.
 */
const ADDING_MANY = { running: 2, waiting: 4, busyRetryAfterSeconds: 5, ownRetryAfterSeconds: 3 };

const roleBody = z.object({ role: z.enum(['admin', 'member']) });
const parentBody = z.object({ parentId: z.string().nullable() });

export function registerGroupRoutes(server: Server, deps: ApiDeps): void {
  const addingMany = new WorkGate(ADDING_MANY, 'adding people by phone');
  server.get(
    '/api/v1/me',
    route(deps, async (req) => {
      const actor = await actorOf(deps, req);
      const profile = await describeActor(deps.ctx, actor);
      return { ...profile, mode: deps.mode, developerIdentity: deps.authenticator.developerIdentity };
    }),
  );

  server.get(
    '/api/v1/groups',
    route(deps, async (req) => ({ groups: await listMyGroups(deps.ctx, await actorOf(deps, req)) })),
  );

  server.post(
    '/api/v1/groups',
    route(deps, async (req, res) => {
      const body = parseBody(req, createGroupBody);
      const actor = await actorOf(deps, req);
      const profile = await describeActor(deps.ctx, actor);
      const organisationId = profile.isOrgAdmin && !body.personal ? profile.organisation!.id : null;
      const group = await createGroup(
        deps.ctx,
        { name: body.name, parentId: body.parentId, organisationId },
        actor,
      );
      res.status(201);
      return { group };
    }),
  );

  server.put(
    '/api/v1/groups/:id/parent',
    route(deps, async (req) => {
      const body = parseBody(req, parentBody);
      const group = await setGroupParent(
        deps.ctx,
        { groupId: req.params.id, parentId: body.parentId },
        await actorOf(deps, req),
      );
      return { group };
    }),
  );

  server.get(
    '/api/v1/groups/:id/members',
    route(deps, async (req) => {
      const page = parseQuery(req, memberPageQuery);
      return listMembers(deps.ctx, req.params.id, await actorOf(deps, req), page);
    }),
  );

  server.post(
    '/api/v1/groups/:id/members',
    route(deps, async (req) => {
      const body = parseBody(req, addMembersBody);
      const actor = await actorOf(deps, req);
      const phones = body.people
        ? body.people.map((p) => p.phone)
        : Array.isArray(body.phones)
          ? body.phones
          : splitPhoneList(body.phones ?? '');
      const about = body.people && new Map(body.people.map((p) => [p.phone, p]));
      const region = await phoneRegionFor(deps.ctx, actor, {
        chosen: body.region,
        deploymentDefault: deps.defaultRegion,
      });
      const add = () =>
        addMembersByPhone(
          deps.ctx,
          {
            groupId: req.params.id,
            phones,
            region,
            role: body.role,
            source: 'manual',
            about,
          },
          actor,
        );
      const results =
        phones.length > PHONES_PER_SLICE ? await addingMany.run(actor.personId, add) : await add();
      return { results };
    }),
  );

  server.put(
    '/api/v1/groups/:id/members/:personId/role',
    route(deps, async (req) => {
      const body = parseBody(req, roleBody);
      return changeMemberRole(
        deps.ctx,
        { groupId: req.params.id, member: { personId: req.params.personId }, role: body.role },
        await actorOf(deps, req),
      );
    }),
  );

  server.del(
    '/api/v1/groups/:id/members/:personId',
    route(deps, async (req) => {
      await removeMember(
        deps.ctx,
        { groupId: req.params.id, member: { personId: req.params.personId } },
        await actorOf(deps, req),
      );
    }),
  );
}
