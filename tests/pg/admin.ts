// Statements for the tests' own housekeeping (create and drop databases, ask a server about its
// replication), each on a short-lived connection of its own.
import pg from 'pg';

export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
	url: string,
	text: string,
	values: unknown[] = []
): Promise<R[]> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
	client.on('error', () => {});
	await client.connect();
	try {
		return (await client.query<R>(text, values)).rows;
	} finally {
		await client.end().catch(() => {});
	}
}
