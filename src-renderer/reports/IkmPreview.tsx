import {
  Caption1,
  Card,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { IkmYearReport } from '../../src-preload/contract';
import { useT } from '../i18n';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: tokens.spacingHorizontalM },
  figure: { padding: tokens.spacingVerticalM },
  value: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  number: { textAlign: 'right' },
});

const decimal = (value: number | null, digits: number) => (value === null ? '–' : value.toFixed(digits).replace('.', ','));

/** The yearly IKM report as the Laporan page shows it before the files are downloaded. */
export function IkmPreview({ model }: { model: IkmYearReport }) {
  const styles = useStyles();
  const t = useT();
  const figures: [string, string][] = [
    [t('reports.ikmConverted'), decimal(model.converted, 2)],
    [t('reports.ikmGrade'), model.grade ? `${model.grade} (${model.label})` : '–'],
    [t('reports.ikmRespondents'), String(model.respondents)],
    [t('reports.ikmMinimum'), String(model.minimumSample)],
  ];
  return (
    <div className={styles.section} data-testid="ikm-preview">
      <Text weight="semibold">{t('reports.ikmHeading', { year: model.year })}</Text>
      {model.running && <Caption1>{t('reports.runningNote')}</Caption1>}
      <div className={styles.grid}>
        {figures.map(([label, value]) => (
          <Card key={label} className={styles.figure} appearance="filled-alternative">
            <span className={styles.value}>{value}</span>
            <Caption1>{label}</Caption1>
          </Card>
        ))}
      </div>
      {!model.sampleEnough && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('reports.ikmShort', { n: model.respondents, min: model.minimumSample, population: model.population })}</MessageBarBody>
        </MessageBar>
      )}
      <Table size="small" aria-label={t('reports.ikmUnsur')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('reports.ikmUnsur')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('reports.ikmRespondents')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>NRR</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {model.unsur.map((u) => (
            <TableRow key={u.code}>
              <TableCell>{`${u.code} ${u.name}`}</TableCell>
              <TableCell className={styles.number}>{u.respondents}</TableCell>
              <TableCell className={styles.number}>{decimal(u.nrr, 3)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
