import { ComingSoon } from '../../ui/ComingSoon.tsx';

export function CommunityPage() {
  return (
    <ComingSoon
      title="community.title"
      lead="community.lead"
      plans={['community.plan1', 'community.plan2', 'community.plan3']}
    />
  );
}
