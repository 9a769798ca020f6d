import { ComingSoon } from '../../ui/ComingSoon.tsx';

export function CatalogPage() {
  return (
    <ComingSoon
      title="catalog.title"
      lead="catalog.lead"
      plans={['catalog.plan1', 'catalog.plan2', 'catalog.plan3']}
    />
  );
}
