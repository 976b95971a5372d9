// Shapes the session tables receive from the server, restated here so components never import
// server modules.

/** What every list of classroom sessions knows about one. */
export interface SessionBasics {
	id: number;
	title: string;
	courseTitle: string;
	startsAt: number;
	endsAt: number;
	place: string;
	classHours: number;
	trainerName: string;
}
