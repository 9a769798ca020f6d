import { prepareTemplate } from './databases.ts';

export default async function setup() {
  await prepareTemplate();
}
