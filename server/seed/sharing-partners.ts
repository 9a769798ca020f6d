import { inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import { organizations, type PostalAddress } from '../modules/members/tables.ts';
import {
  sharingIsoPartners,
  type IsoVersion,
  type PartnerQuirks,
} from '../modules/sharing/iso18626/tables.ts';

/**
 * Demo outside partners (ISO 18626): libraries on other systems, in both versions, one with the quirks of a
 * system that rewrites ExpectToSupply and carries terms in notes. Their addresses are on the reserved
 * example domain and they are disabled, so the demo never sends anything out; consortium staff can point
 * one at a real test system and switch it on. Partners already there are left alone.
 */
type DemoPartner = {
  name: string;
  symbol: string;
  city: string;
  state: string;
  region: string;
  timeZone: string;
  address: PostalAddress;
  agencyIdType: string;
  agencyIdValue: string;
  endpointUrl: string;
  isoVersion: IsoVersion;
  quirks: PartnerQuirks;
  lends: boolean;
  borrows: boolean;
};

const PARTNERS: DemoPartner[] = [
  {
    name: 'Sonoran Desert University Library',
    symbol: 'AZSDU',
    city: 'Tucson',
    state: 'AZ',
    region: 'Southern Arizona',
    timeZone: 'America/Phoenix',
    address: { line1: '1510 University Boulevard', city: 'Tucson', state: 'AZ', postalCode: '85721' },
    agencyIdType: 'ISIL',
    agencyIdValue: 'US-AzTSDU',
    endpointUrl: 'https://ill.sonoran-university.example/iso18626',
    isoVersion: '2021',
    quirks: {},
    lends: true,
    borrows: true,
  },
  {
    name: 'High Plains Regional Library System',
    symbol: 'COHPR',
    city: 'Greeley',
    state: 'CO',
    region: 'Northern Colorado',
    timeZone: 'America/Denver',
    address: { line1: '300 Prairie Avenue', city: 'Greeley', state: 'CO', postalCode: '80631' },
    agencyIdType: 'OCLC',
    agencyIdValue: 'HPR',
    endpointUrl: 'https://resource-sharing.highplains-libraries.example/iso18626',
    isoVersion: '1.2',
    quirks: { expectToSupplyAsWillSupply: true, termsInNote: true },
    lends: true,
    borrows: true,
  },
  {
    name: 'Gulf Coast Health Sciences Library',
    symbol: 'MSGHS',
    city: 'Biloxi',
    state: 'MS',
    region: 'Gulf Coast',
    timeZone: 'America/Chicago',
    address: { line1: '22 Harbor Medical Drive', city: 'Biloxi', state: 'MS', postalCode: '39530' },
    agencyIdType: 'ISIL',
    agencyIdValue: 'US-MsBGHS',
    endpointUrl: 'https://docdel.gulfcoast-health.example/iso18626',
    isoVersion: '2021',
    quirks: { plainVersionAttribute: true },
    lends: true,
    borrows: false,
  },
];

/** Returns how many partners were added. */
export async function seedDemoPartners(db: Db): Promise<number> {
  const existing = await db
    .select({ symbol: organizations.symbol })
    .from(organizations)
    .where(
      inArray(
        organizations.symbol,
        PARTNERS.map((p) => p.symbol),
      ),
    );
  const have = new Set(existing.map((e) => e.symbol));
  let added = 0;
  for (const p of PARTNERS.filter((x) => !have.has(x.symbol))) {
    await db.transaction(async (tx) => {
      const [org] = await tx
        .insert(organizations)
        .values({
          kind: 'partner',
          status: 'active',
          name: p.name,
          symbol: p.symbol,
          city: p.city,
          state: p.state,
          region: p.region,
          timeZone: p.timeZone,
          streetAddress: p.address,
          shippingAddress: p.address,
          descriptionEn: 'A library on another interlibrary loan system; we exchange ISO 18626 messages.',
          descriptionEs:
            'Una biblioteca con otro sistema de préstamo interbibliotecario; intercambiamos mensajes ISO 18626.',
        })
        .returning({ id: organizations.id });
      await tx.insert(sharingIsoPartners).values({
        organizationId: org!.id,
        agencyIdType: p.agencyIdType,
        agencyIdValue: p.agencyIdValue,
        endpointUrl: p.endpointUrl,
        isoVersion: p.isoVersion,
        quirks: p.quirks,
        enabled: false,
        lends: p.lends,
        borrows: p.borrows,
      });
    });
    added++;
  }
  return added;
}
