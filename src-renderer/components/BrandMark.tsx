import { makeStyles } from '@fluentui/react-components';

/** BPS blue, used sparingly for the brand mark and the header accent. */
export const BPS_BLUE = '#0a4c8b';

const useStyles = makeStyles({
  mark: {
    borderRadius: '6px',
    backgroundColor: BPS_BLUE,
    color: '#ffffff',
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontWeight: 700,
    letterSpacing: '0.5px',
    flexShrink: 0,
  },
});

/** A plain "PST" mark; the official BPS logo is not ours to redraw. */
export function BrandMark(props: { size: number }) {
  const styles = useStyles();
  return (
    <span aria-hidden className={styles.mark} style={{ width: props.size, height: props.size, fontSize: props.size * 0.34 }}>
      PST
    </span>
  );
}
