using CourseKit.Notebooks.Execution;

try
{
    return await WorkerServer.RunAsync(WorkerChannel.Connect());
}
catch (InvalidOperationException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
