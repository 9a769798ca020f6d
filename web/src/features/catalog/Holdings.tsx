import { Link } from 'react-router';
import type { RecordPage } from '../../api/catalog.ts';
import { useI18n } from '../../i18n/context.tsx';
import { NoValue } from '../../ui/NoValue.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

/** Every holding library with its items (location, call number, copies); a library links to its profile. */
export function Holdings({ holdings }: { holdings: RecordPage['holdings'] }) {
  const { t, tp, fmt } = useI18n();
  const rows = holdings.flatMap((h) =>
    (h.items.length ? h.items : [{ location: null, callNumber: null, copies: 0 }]).map((item, i) => ({
      key: `${h.recordId}-${i}`,
      holding: h,
      item,
    })),
  );
  return (
    <section aria-labelledby="record-holdings" className="section">
      <h2 id="record-holdings">{t('catalog.holdings.title')}</h2>
      {!holdings.length ? (
        <p>{t('catalog.holdings.none')}</p>
      ) : (
        <TableWrap label={t('catalog.holdings.caption')}>
          <table className="table">
            <caption>
              {t('catalog.holdings.caption')}
              <span className="caption-note"> {tp('catalog.result.heldBy', holdings.length)}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('catalog.holdings.library')}</th>
                <th scope="col">{t('catalog.holdings.city')}</th>
                <th scope="col">{t('catalog.holdings.location')}</th>
                <th scope="col">{t('catalog.holdings.callNumber')}</th>
                <th scope="col" className="num">
                  {t('catalog.holdings.copies')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ key, holding, item }) => (
                <tr key={key}>
                  <th scope="row">
                    <Link to={`/members/${holding.library.id}`}>{holding.library.name}</Link>
                    <span className="symbol">{holding.library.symbol}</span>
                  </th>
                  <td>{holding.library.city ?? <NoValue />}</td>
                  <td>{item.location ?? <NoValue />}</td>
                  <td className="call-number">{item.callNumber ?? <NoValue />}</td>
                  <td className="num">{item.copies ? fmt.number(item.copies) : <NoValue />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
