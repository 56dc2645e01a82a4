using CourseKit.Data;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Data;

public class DataErrorTests : IDisposable
{
    private const string TrendHeader =
        "trend,title,source,main_line,ability,cost_impact,new_interaction,workflow_change,judgment,rationale\n";
    private const string GoodTrendRow =
        "agents,Agents,seed-002,Workflow form,7,5,6,9,course-illustrative,Reshapes the flow\n";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private DataFileException LoadTrends(string text)
    {
        var path = _folder.Write("trends.csv", text);
        return Assert.Throws<DataFileException>(() => TrendTable.Load(path, "trends.csv"));
    }

    [Fact]
    public void Missing_file()
    {
        var error = Assert.Throws<DataFileException>(() => TrendTable.Load(_folder.PathOf("nope.csv"), "data/nope.csv"));

        Assert.Equal("data/nope.csv: the file does not exist.", error.Message);
    }

    [Fact]
    public void Empty_file()
    {
        Assert.Equal("trends.csv: the file is empty; expected a header row and at least one data row.",
            LoadTrends("").Message);
    }

    [Fact]
    public void Header_without_rows()
    {
        Assert.Equal("trends.csv: the file has a header but no data rows.", LoadTrends(TrendHeader).Message);
    }

    [Fact]
    public void Missing_column()
    {
        var text = TrendHeader.Replace(",cost_impact", "") + GoodTrendRow.Replace(",5,6,9", ",6,9");

        var error = LoadTrends(text);

        Assert.Equal("trends.csv, line 1, column 'cost_impact': the required column is missing; the header has: " +
                     "trend, title, source, main_line, ability, new_interaction, workflow_change, judgment, rationale.",
            error.Message);
    }

    [Fact]
    public void Non_numeric_score()
    {
        var error = LoadTrends(TrendHeader + GoodTrendRow + GoodTrendRow.Replace("agents", "bots").Replace(",5,6,9", ",five,6,9"));

        Assert.Equal("trends.csv, line 3, column 'cost_impact': expected a whole number from 0 to 10 but found 'five'.",
            error.Message);
        Assert.Equal(3, error.Line);
        Assert.Equal("cost_impact", error.Column);
    }

    [Fact]
    public void Fractional_score_is_not_a_whole_number()
    {
        Assert.Equal("trends.csv, line 2, column 'ability': expected a whole number from 0 to 10 but found '7.5'.",
            LoadTrends(TrendHeader + GoodTrendRow.Replace(",7,5", ",7.5,5")).Message);
    }

    [Fact]
    public void Out_of_range_score()
    {
        Assert.Equal("trends.csv, line 2, column 'workflow_change': expected a whole number from 0 to 10 but found 11, which is out of range.",
            LoadTrends(TrendHeader + GoodTrendRow.Replace(",6,9,", ",6,11,")).Message);
    }

    [Fact]
    public void Duplicate_trend_name()
    {
        Assert.Equal("trends.csv, line 3, column 'trend': the trend 'agents' already appears on line 2; expected each trend once.",
            LoadTrends(TrendHeader + GoodTrendRow + GoodTrendRow).Message);
    }

    [Fact]
    public void Empty_required_field()
    {
        Assert.Equal("trends.csv, line 2, column 'rationale': expected a value but the field is empty.",
            LoadTrends(TrendHeader + GoodTrendRow.Replace("Reshapes the flow", "")).Message);
    }

    [Fact]
    public void Unknown_main_line()
    {
        Assert.StartsWith("trends.csv, line 2, column 'main_line': expected one of the trend map's main lines (Capability boundaries,",
            LoadTrends(TrendHeader + GoodTrendRow.Replace("Workflow form", "Vibes")).Message);
    }

    [Fact]
    public void Unmarked_judgment()
    {
        Assert.Equal("trends.csv, line 2, column 'judgment': expected seed-illustrative or course-illustrative but found 'fact'.",
            LoadTrends(TrendHeader + GoodTrendRow.Replace("course-illustrative", "fact")).Message);
    }

    [Fact]
    public void Row_with_too_few_fields()
    {
        Assert.Equal("trends.csv, line 2: expected 10 fields (trend, title, source, main_line, ability, cost_impact, new_interaction, workflow_change, judgment, rationale) but found 9.",
            LoadTrends(TrendHeader + "agents,Agents,seed-002,Workflow form,7,5,6,9,course-illustrative\n").Message);
    }

    [Fact]
    public void Unclosed_quote()
    {
        Assert.Equal("trends.csv, line 2: a quoted field is never closed; expected a closing \".",
            LoadTrends(TrendHeader + GoodTrendRow.Replace("Reshapes the flow", "\"Reshapes the flow")).Message);
    }

    [Fact]
    public void Quoted_fields_may_hold_commas_quotes_and_newlines()
    {
        var path = _folder.Write("ok.csv", TrendHeader + GoodTrendRow.Replace("Reshapes the flow", "\"Reshapes, \"\"truly\"\"\nthe flow\""));

        var record = Assert.Single(TrendTable.Load(path));

        Assert.Equal("Reshapes, \"truly\"\nthe flow", record.Rationale);
    }

    [Fact]
    public void Image_threads_report_duplicates_and_bad_scores()
    {
        var header = "name,product_value,engineering_cost,stability\n";
        var dup = _folder.Write("threads.csv", header + "a,1,2,3\na,1,2,3\n");
        var bad = _folder.Write("bad.csv", header + "a,1,2,-3\n");

        Assert.Equal("threads.csv, line 3, column 'name': the thread 'a' already appears on line 2; expected each thread once.",
            Assert.Throws<DataFileException>(() => ImageThreadTable.Load(dup, "threads.csv")).Message);
        Assert.Equal("bad.csv, line 2, column 'stability': expected a whole number from 0 to 10 but found -3, which is out of range.",
            Assert.Throws<DataFileException>(() => ImageThreadTable.Load(bad, "bad.csv")).Message);
    }

    [Fact]
    public void Errors_carry_no_stack_trace()
    {
        Assert.Null(LoadTrends("").StackTrace);
    }
}
