import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { PersonSearch } from '../../../domain/people/person-search';

/** `%text%` for LIKE, with the user's own % _ and \ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Lower case on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not. */
const likeLower = (column: string, text: string): Expression<SqlBool> =>
  sql<SqlBool>`lower(${sql.ref(column)}) like ${containing(text)} escape '\\'`;

/**
 * The one spelling of "this person matches what was typed" (People without an account, Users): text in
 * the name, e-mail address, sign-in name or employee id; the whole number; or digits of a partial number.
 * `person` is the alias of the `people` table in the caller's query.
 */
export function personMatches(
  // biome-ignore lint/suspicious/noExplicitAny: any query whose `people` alias is `person`
  eb: ExpressionBuilder<any, any>,
  search: PersonSearch & { text: string },
  person: string,
): Expression<SqlBool> {
  const any: Expression<SqlBool>[] = [
    likeLower(`${person}.display_name`, search.text),
    likeLower(`${person}.email`, search.text),
    likeLower(`${person}.employee_id`, search.text),
    likeLower(`${person}.user_principal_name`, search.text),
  ];
  if (search.phone) any.push(eb(`${person}.phone`, '=', search.phone));
  if (search.digits)
    any.push(sql<SqlBool>`${sql.ref(`${person}.phone`)} like ${containing(search.digits)} escape '\\'`);
  return eb.or(any);
}
