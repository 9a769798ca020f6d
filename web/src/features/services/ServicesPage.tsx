import { ComingSoon } from '../../ui/ComingSoon.tsx';

export function ServicesPage() {
  return (
    <ComingSoon
      title="services.title"
      lead="services.lead"
      plans={['services.plan1', 'services.plan2', 'services.plan3']}
    />
  );
}
