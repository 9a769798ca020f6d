import { QueuePage } from './QueuePage.tsx';

/** /sharing: the borrowing queue; /sharing/lending: the lending queue. */
export function SharingPage() {
  return <QueuePage side="borrowing" />;
}

export function LendingPage() {
  return <QueuePage side="lending" />;
}
