// Each test runs the tool in its own process and its own temporary folder, so they run side by side; most of a
// run is process start-up and WireMock's, which overlap well even on two cores.
[assembly: Parallelizable(ParallelScope.All)]
[assembly: LevelOfParallelism(3)]
