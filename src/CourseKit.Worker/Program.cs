using CourseKit.Notebooks.Execution;

try
{
    return WorkerServer.Run(WorkerChannel.Connect());
}
catch (InvalidOperationException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
