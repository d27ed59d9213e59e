/** The tenant the front office serves until tenants get their own address. */
export const TENANT = 'demo';
