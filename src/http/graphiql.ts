/** GraphiQL's first tab in development: press run and see the viewer's own numbers. */
export const EXAMPLE_QUERY = `# The demo user's profile and latest workouts. Press the run button (or Ctrl-Enter).
query Example {
  viewer {
    username
    level
    xp
    followerCount
    workouts(first: 3) {
      edges {
        node {
          title
          startedAt
          totalVolumeKg
        }
      }
    }
  }
}
`;
