using System.CommandLine;
using CourseKit.Cli;

var root = new RootCommand("CourseKit: run, check and render the AIGC trends course headlessly.")
{
    RunCommand.Create(),
    CheckCommand.Create(),
    ReleaseCommand.Create(),
    GradeCommand.Create(),
    KernelCommand.Create(),
    ExportCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
