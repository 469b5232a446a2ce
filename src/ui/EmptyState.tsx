import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export interface EmptyStateProps {
  readonly title: string;
  readonly body?: string;
  /** A call to action, e.g. a Button. */
  readonly action?: ReactNode;
  /** Under a screen's h2 by default. */
  readonly headingLevel?: 'h2' | 'h3' | 'h4';
}

export const EmptyState = ({ title, body, action, headingLevel = 'h3' }: EmptyStateProps) => {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={title}>
      <Subtitle2 as={headingLevel} block>
        {title}
      </Subtitle2>
      {body ? <Text as="p" block>{body}</Text> : null}
      {action}
    </section>
  );
};
