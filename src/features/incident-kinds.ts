import type { Sector } from '../db/schema.ts';
import { t } from '../texts/index.ts';

export interface IncidentKind {
  id: string;
  label: string;
  sectors: Sector[];
}

export const INCIDENT_KINDS: IncidentKind[] = [
  { id: 'mat_lien_lac', label: t.kindLostSignal, sectors: ['telecom'] },
  { id: 'nghen_mang', label: t.kindCongestion, sectors: ['telecom'] },
  { id: 'tan_cong_mang', label: t.kindCyberattack, sectors: ['telecom'] },
  { id: 'don_u', label: t.kindPostalBacklog, sectors: ['postal'] },
  { id: 'mat_mat', label: t.kindGoodsLost, sectors: ['postal'] },
  { id: 'vat_pham_cam', label: t.kindBannedItems, sectors: ['postal'] },
  { id: 'khieu_nai', label: t.kindComplaint, sectors: ['postal', 'telecom'] },
  { id: 'khac', label: t.kindOther, sectors: ['postal', 'telecom'] },
];

export function kindsForSector(sector: Sector): IncidentKind[] {
  return INCIDENT_KINDS.filter((k) => sector === 'both' || k.sectors.includes(sector));
}

export function kindLabel(id: string): string {
  return INCIDENT_KINDS.find((k) => k.id === id)?.label ?? id;
}

/** Since the 2025 reform, communes and wards sit directly under the province: "one area" asks which one. */
export const AREA_CHOICES = [
  { id: 'toan_tinh', label: t.areaWholeProvince, asksName: false },
  { id: 'nhieu_xa', label: t.areaManyCommunes, asksName: false },
  { id: 'mot_xa', label: t.areaOneCommune, asksName: true },
  { id: 'mot_diem', label: t.areaOnePoint, asksName: true },
];

export const AFFECTED_CHOICES = [
  { id: '1-10', label: t.affectedUpTo10 },
  { id: '11-100', label: t.affectedUpTo100 },
  { id: '101-1000', label: t.affectedUpTo1000 },
  { id: '>1000', label: t.affectedOver1000 },
];
