import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { PrintRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ApiError, download } from '../api/client';
import { useT } from '../i18n/use-t';
import { langQuery, PrintLanguagePicker } from './print-language-picker';
import { errorText } from './states';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** One PDF holds at most this many slips (the server says so too, with the same number). */
const MAX_SLIPS = 500;

export type PrintSlipsButtonProps =
  /** A group's slips: everyone in it (in parts of 500 for a bigger group). */
  | { groupId: string; personIds?: never; label?: string }
  /** Slips for chosen people of the organisation (e.g. People without an account), at most 500. */
  | { personIds: string[]; groupId?: never; label?: string };

/**
 * "Print slips": downloads the onboarding slips PDF (one slip per person, eight to an A4 page) for the
 * activation desk. The server decides who may print (org admins, the group's admins and champs) and says
 * why when it refuses; a group of more than 500 offers one button per part.
 */
export function PrintSlipsButton(props: PrintSlipsButtonProps) {
  const styles = useStyles();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [parts, setParts] = useState<number>();
  const [lang, setLang] = useState('');

  const print = async (part?: number) => {
    setBusy(true);
    setError(undefined);
    try {
      if (props.groupId !== undefined) {
        const params = [part === undefined ? '' : `part=${part}`, langQuery(lang)].filter(Boolean);
        const query = params.length > 0 ? `?${params.join('&')}` : '';
        const name = part === undefined ? 'convene-slips.pdf' : `convene-slips-part-${part}.pdf`;
        await download(`/api/v1/groups/${props.groupId}/slips.pdf${query}`, name);
      } else {
        const query = langQuery(lang);
        await download(
          `/api/v1/portal/slips.pdf${query ? `?${query}` : ''}`,
          `convene-slips-${props.personIds.length}-people.pdf`,
          {
            personIds: props.personIds,
          },
        );
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'SLIPS_TOO_MANY' && typeof e.details.parts === 'number') {
        setParts(e.details.parts);
      }
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const tooMany = props.personIds !== undefined && props.personIds.length > MAX_SLIPS;
  const none = props.personIds !== undefined && props.personIds.length === 0;
  return (
    <div>
      <div className={styles.row}>
        <PrintLanguagePicker value={lang} onChange={setLang} />
        <Button icon={<PrintRegular />} disabled={busy || tooMany || none} onClick={() => print()}>
          {props.label ?? t('tab-resources.slips.print')}
        </Button>
        {parts !== undefined &&
          Array.from({ length: parts }, (_, i) => i + 1).map((part) => (
            <Button key={`part-${part}`} size="small" disabled={busy} onClick={() => print(part)}>
              {t('tab-resources.slips.part', { part, parts })}
            </Button>
          ))}
      </div>
      {tooMany && <Text size={200}>{t('tab-resources.slips.tooMany', { max: MAX_SLIPS })}</Text>}
      {error && (
        <Text role="alert" size={200}>
          {error}
        </Text>
      )}
    </div>
  );
}
