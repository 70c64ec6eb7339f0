import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** An error as the server gave it; nothing when there is none. */
export function ErrorBar(props: { error: string | null; testId?: string }) {
  if (!props.error) return null;
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody data-testid={props.testId}>{props.error}</MessageBarBody>
    </MessageBar>
  );
}
