import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    height: '100%',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: tokens.colorNeutralBackground2,
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
  },
  box: { maxWidth: '560px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
});

/** A whole-page state: loading, a fatal error, or the ended host session. */
export function CenteredMessage(props: {
  busy?: boolean;
  intent?: 'error' | 'warning';
  title?: string;
  text: string;
  onRetry?: () => void;
  retryLabel?: string;
}) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {props.busy ? (
        <Spinner label={props.text} />
      ) : (
        <div className={styles.box}>
          <MessageBar intent={props.intent ?? 'error'} layout="multiline" role="alert">
            <MessageBarBody>
              {props.title && <MessageBarTitle>{props.title}</MessageBarTitle>}
              {props.text}
            </MessageBarBody>
          </MessageBar>
          {props.onRetry && <Button onClick={props.onRetry}>{props.retryLabel}</Button>}
        </div>
      )}
    </div>
  );
}
