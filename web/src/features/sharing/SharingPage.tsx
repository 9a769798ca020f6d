import { ComingSoon } from '../../ui/ComingSoon.tsx';

export function SharingPage() {
  return (
    <ComingSoon
      title="sharing.title"
      lead="sharing.lead"
      plans={['sharing.plan1', 'sharing.plan2', 'sharing.plan3']}
    />
  );
}
