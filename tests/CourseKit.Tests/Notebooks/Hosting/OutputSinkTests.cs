using CourseKit.Notebooks.Execution;

namespace CourseKit.Tests.Notebooks.Hosting;

public sealed class OutputSinkTests
{
    private static string Streamed(IEnumerable<CellOutput> outputs) =>
        string.Concat(outputs.OfType<CellOutput.Stream>().Where(s => s.Name == "stdout").Select(s => s.Text));

    [Fact]
    public void The_unfinished_line_before_a_question_is_its_prompt_and_leaves_the_output()
    {
        var sink = new OutputSink();
        sink.StandardOutput.Write("Two questions.\nName: ");

        Assert.Equal("Name: ", sink.TakeUnfinishedLine());
        Assert.Equal("", sink.TakeUnfinishedLine());
        sink.StandardOutput.WriteLine("done");
        Assert.Equal("Two questions.\ndone\n", Streamed(sink.TakeAll()));
    }

    [Fact]
    public void Streaming_holds_an_unfinished_line_back_for_one_call_only()
    {
        var sink = new OutputSink();
        sink.StandardOutput.Write("line\nwork");

        Assert.Equal("line\n", Streamed(sink.TakeSoFar()));
        sink.StandardOutput.Write("ing...");
        Assert.Equal("working...", Streamed(sink.TakeSoFar()));
        Assert.Equal("", Streamed(sink.TakeSoFar()));
        sink.StandardOutput.Write("done");
        Assert.Equal("done", Streamed(sink.TakeAll()));
    }
}
