import type { Sector } from '../db/schema.ts';

export interface IncidentKind {
  id: string;
  label: string;
  sectors: Sector[];
}

export const INCIDENT_KINDS: IncidentKind[] = [
  { id: 'mat_lien_lac', label: 'Mất liên lạc / mất sóng', sectors: ['telecom'] },
  { id: 'nghen_mang', label: 'Nghẽn mạng', sectors: ['telecom'] },
  { id: 'tan_cong_mang', label: 'Tấn công mạng', sectors: ['telecom'] },
  { id: 'don_u', label: 'Dồn ứ bưu gửi', sectors: ['postal'] },
  { id: 'mat_mat', label: 'Mất mát hàng hóa', sectors: ['postal'] },
  { id: 'vat_pham_cam', label: 'Vật phẩm cấm', sectors: ['postal'] },
  { id: 'khieu_nai', label: 'Khiếu nại', sectors: ['postal', 'telecom'] },
  { id: 'khac', label: 'Sự cố khác', sectors: ['postal', 'telecom'] },
];

export function kindsForSector(sector: Sector): IncidentKind[] {
  return INCIDENT_KINDS.filter((k) => sector === 'both' || k.sectors.includes(sector));
}

export function kindLabel(id: string): string {
  return INCIDENT_KINDS.find((k) => k.id === id)?.label ?? id;
}

/** Since the 2025 reform, communes and wards sit directly under the province: "one area" asks which one. */
export const AREA_CHOICES = [
  { id: 'toan_tinh', label: 'Toàn tỉnh', asksName: false },
  { id: 'nhieu_xa', label: 'Nhiều xã, phường', asksName: false },
  { id: 'mot_xa', label: 'Một xã, phường', asksName: true },
  { id: 'mot_diem', label: 'Một điểm, trạm', asksName: true },
];

export const AFFECTED_CHOICES = [
  { id: '1-10', label: '1–10' },
  { id: '11-100', label: '11–100' },
  { id: '101-1000', label: '101–1.000' },
  { id: '>1000', label: 'Trên 1.000' },
];
