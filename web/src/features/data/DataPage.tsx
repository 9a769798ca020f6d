import { ComingSoon } from '../../ui/ComingSoon.tsx';

export function DataPage() {
  return (
    <ComingSoon title="data.title" lead="data.lead" plans={['data.plan1', 'data.plan2', 'data.plan3']} />
  );
}
