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
        Assert.Equal(rows, Csv.Read(text).Rows);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("-1", "'-1")]
    [InlineData("plain", "plain")]
    [InlineData("'=already quoted", "''=already quoted")]
    public void Student_text_never_becomes_a_formula_and_reads_back_as_it_was(string text, string cell)
    {
        Assert.Equal(cell, Csv.FormulaSafe(text));
        Assert.Equal(text, Csv.FromFormulaSafe(cell));
    }

    [Fact]
    public void A_semicolon_file_is_read_with_its_separator_and_its_decimal_commas()
    {
        var sheet = Csv.Read("id;points;note\r\nann;1,5;\"a; b\"\r\nbo;2;\r\n");

        Assert.Equal(';', sheet.Delimiter);
        Assert.Equal([["id", "points", "note"], ["ann", "1,5", "a; b"], ["bo", "2", ""]], sheet.Rows);
        Assert.True(sheet.TryReadNumber("1,5", out var value));
        Assert.Equal(1.5m, value);
        Assert.False(Csv.Read("a,b\r\n1,5\r\n").TryReadNumber("1,5", out _));
    }
}
