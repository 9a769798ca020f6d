import { ComingSoon } from '../../ui/ComingSoon.tsx';

export function LearningPage() {
  return (
    <ComingSoon
      title="learning.title"
      lead="learning.lead"
      plans={['learning.plan1', 'learning.plan2', 'learning.plan3']}
    />
  );
}
