return await CourseKit.Notebooks.Execution.WorkerServer.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput());
