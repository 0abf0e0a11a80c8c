/** The Zalo line of an invite: what a new officer or staff member does on Zalo to register. */
export function zaloRegistrationHint(code: string): string {
  return `Trên Zalo: quan tâm (follow) Official Account của Sở, rồi gửi tin nhắn: dangky ${code}`;
}
