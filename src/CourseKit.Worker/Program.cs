using CourseKit.Notebooks.Execution;

// The worker is where the course is composed into the engine: the course library's charts and DataFrame tables
// display in every notebook, as they do in Polyglot once Plotly.NET.Interactive and Microsoft.Data.Analysis load.
ValueDisplays.Include(typeof(CourseKit.Charting.Charts).Assembly);

try
{
    return WorkerServer.Run(WorkerChannel.Connect());
}
catch (InvalidOperationException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
