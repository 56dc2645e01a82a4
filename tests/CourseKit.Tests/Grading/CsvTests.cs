using CourseKit.Grading.Outputs;

namespace CourseKit.Tests.Grading;

public sealed class CsvTests
{
    [Fact]
    public void Fields_with_commas_quotes_and_line_breaks_round_trip()
    {
        IReadOnlyList<string>[] rows = [["a", "b,c", "say \"hi\""], ["line\nbreak", " padded ", ""]];
        var text = Csv.Write(rows);
        Assert.Equal("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",\" padded \",\r\n", text);
        Assert.Equal(rows, Csv.Read(text));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("-1", "'-1")]
    [InlineData("plain", "plain")]
    [InlineData("'=already quoted", "''=already quoted")]
    public void Student_text_never_becomes_a_formula_and_reads_back_as_it_was(string text, string cell)
    {
        Assert.Equal(cell, Csv.Text(text));
        Assert.Equal(text, Csv.FromText(cell));
    }
}
