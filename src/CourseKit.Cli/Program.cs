using System.CommandLine;
using CourseKit.Cli;

// A kernel started by Jupyter warms its compiler first, beside the set-up below: the first result waits on it.
if (args is ["kernel", "--connection-file", ..]) _ = CourseKit.Kernel.KernelWarmUp.Start();

var root = new RootCommand("CourseKit: run, check and render the AIGC trends course headlessly.")
{
    RunCommand.Create(),
    CheckCommand.Create(),
    ReleaseCommand.Create(),
    GradeCommand.Create(),
    KernelCommand.Create(),
    SiteCommand.Create(),
    ExportCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
