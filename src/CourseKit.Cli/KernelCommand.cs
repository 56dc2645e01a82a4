using System.CommandLine;
using System.Runtime.InteropServices;
using CourseKit.Kernel;

namespace CourseKit.Cli;

/// <summary><c>coursekit kernel</c>: the Jupyter kernel process, and <c>coursekit kernel install</c> for its kernelspec.</summary>
public static class KernelCommand
{
    public static Command Create()
    {
        var connectionFile = new Option<string?>("--connection-file") { Description = "The connection file Jupyter wrote for this kernel." };
        var command = new Command("kernel", "Run as the Jupyter kernel \"C# (CourseKit)\" (started by Jupyter through the kernelspec).")
        {
            connectionFile,
            Install(),
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(connectionFile) is not { } path)
            {
                Console.Error.WriteLine("coursekit kernel: --connection-file is required (Jupyter passes it); to register the kernel, run `coursekit kernel install`.");
                return 2;
            }
            return Serve(path);
        });
        return command;
    }

    private static int Serve(string path)
    {
        KernelServer server;
        try
        {
            server = new KernelServer(ConnectionInfo.Read(path), Console.Error);
        }
        catch (KernelStartException error)
        {
            Console.Error.WriteLine($"coursekit kernel: {error.Message}");
            return 2;
        }
        using (server)
        {
            // Interrupts come as messages (interrupt_mode "message"); a SIGINT from a terminal interrupts the cell, never the kernel.
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                server.Interrupt();
            });
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                server.Stop();
            });
            return server.Run();
        }
    }

    private static Command Install()
    {
        var prefix = new Option<string?>("--prefix") { Description = "Install into PREFIX/share/jupyter/kernels (an environment) instead of the user's kernels." };
        var install = new Command("install", $"Register the Jupyter kernel \"{KernelInfo.DisplayName}\" ({KernelInfo.Name}).") { prefix };
        install.SetAction(parse =>
        {
            var folder = KernelSpec.Install(parse.GetValue(prefix), KernelSpec.CurrentCommand(typeof(KernelCommand).Assembly.Location));
            Console.WriteLine($"Installed the kernel \"{KernelInfo.DisplayName}\" ({KernelInfo.Name}) in {folder}");
            return 0;
        });
        return install;
    }
}
