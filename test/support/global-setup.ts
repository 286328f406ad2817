// Filled in by the integration harness (database template, build check).
export default async function setup(): Promise<void> {}
