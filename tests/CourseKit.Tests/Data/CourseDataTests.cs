using CourseKit.Data;
using CourseKit.Tests.Support;
using CourseKit.TrendMap;

namespace CourseKit.Tests.Data;

public class CourseDataTests
{
    [Fact]
    public void Seed_000_scores_are_the_seed_values()
    {
        var scores = CourseData.SeedTrends().ToDictionary(t => t.Trend, t => t.Scores.Values);

        Assert.Equal([9, 6, 9, 8], scores["multimodal"]);
        Assert.Equal([6, 9, 5, 7], scores["small_models"]);
        Assert.Equal([7, 8, 9, 8], scores["real_time_generation"]);
        Assert.Equal(["multimodal", "small_models", "real_time_generation"], CourseData.SeedTrends().Select(t => t.Trend));
    }

    [Fact]
    public void Seed_001_threads_are_the_seed_values_in_seed_order()
    {
        Assert.Equal(
        [
            new ImageThread("faster sampling", 9, 6, 8),
            new ImageThread("stronger controllable editing", 10, 7, 8),
            new ImageThread("unified multimodal input", 8, 8, 6),
            new ImageThread("from single images to video and 3D", 8, 9, 5),
        ], CourseData.ImageThreads());
    }

    [Fact]
    public void Course_trends_cover_seven_seed_002_trends_and_four_seed_003_outlooks_as_illustrative_judgments()
    {
        var trends = CourseData.CourseTrends();

        Assert.Equal(7, trends.Count(t => t.Source == "seed-002"));
        Assert.Equal(4, trends.Count(t => t.Source == "seed-003"));
        Assert.All(trends, t => Assert.Equal("course-illustrative", t.Judgment));
        Assert.All(trends, t => Assert.True(t.Rationale.Length > 40, t.Trend));
        Assert.All(trends, t => Assert.Contains(AigcTrendMap.MainLines, l => l.Name == t.MainLine));
    }

    [Fact]
    public void All_trends_are_the_three_seed_trends_then_the_eleven_course_trends()
    {
        var all = CourseData.AllTrends();

        Assert.Equal(14, all.Count);
        Assert.Equal(CourseData.SeedTrends().Concat(CourseData.CourseTrends()).Select(t => t.Trend), all.Select(t => t.Trend));
    }

    [Fact]
    public void Trends_from_a_source_keep_file_order_and_an_unknown_source_lists_the_known_ones()
    {
        Assert.Equal(["multimodal", "small_models", "real_time_generation"], CourseData.TrendsFrom("seed-000").Select(t => t.Trend));
        Assert.Equal(7, CourseData.TrendsFrom("seed-002").Count);
        Assert.Equal(["toc_tob_split", "left_right_dual_data", "moe_routing_lora", "ai4science"],
            CourseData.TrendsFrom("seed-003").Select(t => t.Trend));

        var error = Assert.Throws<ArgumentException>(() => CourseData.TrendsFrom("seed-001"));
        Assert.StartsWith("No trend comes from 'seed-001'. Expected one of: seed-000, seed-002, seed-003.", error.Message);
    }

    [Fact]
    public void A_trend_is_found_by_its_identifier_and_a_wrong_one_lists_the_valid_ones()
    {
        Assert.Equal("efficient_ai: total=24, strongest_change=cost_impact", CourseData.Trend("efficient_ai").Verdict.SummaryLine);
        Assert.Equal("Real-time generation", CourseData.Trend("real_time_generation").Title);

        var error = Assert.Throws<ArgumentException>(() => CourseData.Trend("efficient"));
        Assert.StartsWith("There is no trend 'efficient'. Expected one of: multimodal, small_models,", error.Message);
    }

    [Fact]
    public void Files_in_data_folder_load_the_same_as_the_embedded_copies()
    {
        var fromFile = TrendTable.Load(RepoPaths.Combine("data", "four_dimension_course.csv"));

        Assert.Equal(CourseData.CourseTrends().Select(t => (t.Trend, t.Scores.Values.Sum())),
            fromFile.Select(t => (t.Trend, t.Scores.Values.Sum())));
        Assert.Equal(CourseData.ImageThreads(), ImageThreadTable.Load(RepoPaths.Combine("data", "image_generation_threads.csv")));
    }

    [Fact]
    public void Trend_data_frame_has_scores_totals_and_strongest_change()
    {
        var frame = TrendTable.ToDataFrame(CourseData.SeedTrends());

        Assert.Equal(3, frame.Rows.Count);
        Assert.Equal(["trend", "main_line", "ability", "cost_impact", "new_interaction", "workflow_change", "total", "strongest_change", "judgment"],
            frame.Columns.Select(c => c.Name));
        Assert.Equal(32, frame["total"][0]);
        Assert.Equal("cost_impact", frame["strongest_change"][1]);
    }

    [Fact]
    public void Thread_data_frame_holds_the_seed_columns()
    {
        var frame = ImageThreadTable.ToDataFrame(CourseData.ImageThreads());

        Assert.Equal(["name", "product_value", "engineering_cost", "stability"], frame.Columns.Select(c => c.Name));
        Assert.Equal(10, frame["product_value"][1]);
    }
}
