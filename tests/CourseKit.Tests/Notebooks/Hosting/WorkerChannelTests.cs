using System.Text;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Tests.Notebooks.Hosting;

/// <summary>
/// The worker's end of its channel: on Linux a socket read and written through the C library (UnixSocketStream), so a
/// worker never loads System.Net.Sockets; elsewhere System.Net.Sockets. Either way the same bytes go both ways.
/// </summary>
[Collection(nameof(WorkerChannelTests))] // the channel's name travels in an environment variable of this process
public class WorkerChannelTests
{
    [Fact]
    public async Task Bytes_go_both_ways_and_closing_is_the_end_of_the_stream()
    {
        using var channel = WorkerChannel.Open();
        var accepted = channel.AcceptAsync(CancellationToken.None);
        using var worker = ConnectAs(channel.SocketPath);
        await using var runner = await accepted;
        if (OperatingSystem.IsLinux()) Assert.Equal("UnixSocketStream", worker.GetType().Name);

        // Larger than a socket buffer, so reads and writes come in parts.
        var request = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"kind\":\"cell\",\"text\":\"ünïcödé 😀\"}\n", 20_000)));
        var sent = runner.WriteAsync(request).AsTask();
        var received = new byte[request.Length];
        await Task.Run(() => worker.ReadExactly(received));
        await sent;
        Assert.Equal(request, received);

        worker.Write("answer\n"u8);
        var answer = new byte[7];
        await runner.ReadExactlyAsync(answer);
        Assert.Equal("answer\n"u8.ToArray(), answer);

        runner.Dispose();
        Assert.Equal(0, worker.Read(new byte[16]));
        worker.Dispose();
        Assert.False(worker.CanRead);
        Assert.Throws<ObjectDisposedException>(() => worker.Read(new byte[1]));
    }

    [Fact]
    public void A_channel_that_is_not_there_is_an_error_that_names_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"coursekit-no-channel-{Guid.NewGuid():N}", "channel");
        var error = Assert.ThrowsAny<Exception>(() => ConnectAs(path));
        Assert.True(error is IOException or System.Net.Sockets.SocketException, error.GetType().Name);
        if (OperatingSystem.IsLinux()) Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Without_a_channel_the_worker_says_who_starts_it()
    {
        Environment.SetEnvironmentVariable(WorkerChannel.EnvironmentVariable, null);
        var error = Assert.Throws<InvalidOperationException>(() => WorkerChannel.Connect());
        Assert.Contains("started by coursekit", error.Message);
    }

    private static Stream ConnectAs(string path)
    {
        Environment.SetEnvironmentVariable(WorkerChannel.EnvironmentVariable, path);
        try
        {
            return WorkerChannel.Connect();
        }
        finally
        {
            Environment.SetEnvironmentVariable(WorkerChannel.EnvironmentVariable, null);
        }
    }
}

/// <summary>What UnixSocketStream is for: a worker that runs a notebook has not loaded System.Net.Sockets.</summary>
[Collection(CourseKit.Tests.Notebooks.Execution.RunnerCollection.Name)]
[Trait("Category", "Slow")]
public class WorkerSocketAssemblyTests(CourseKit.Tests.Notebooks.Execution.RunnerFixture fixture)
{
    [Fact]
    public async Task A_worker_runs_a_notebook_without_System_Net_Sockets()
    {
        if (!OperatingSystem.IsLinux()) return; // the C library's calls are used on Linux only
        var result = await fixture.RunAsync(
            "var names = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).ToList();",
            "$\"{names.Contains(\"System.Private.CoreLib\")} {names.Contains(\"System.Net.Sockets\")}\"");
        Assert.True(result.Succeeded, result.Failure?.Reason);
        var shown = Assert.IsType<CellOutput.Display>(Assert.Single(result.Executions[1].Outputs));
        Assert.Equal("True False", shown.Data[MimeTypes.PlainText]);
    }
}
