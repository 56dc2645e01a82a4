using System.IO.Compression;
using CourseKit.Checking.Cells;
using CourseKit.Exercises.Catalog;
using CourseKit.Grading.Isolation;
using CourseKit.Grading.Outputs;
using CourseKit.Grading.Results;
using CourseKit.Grading.Running;
using CourseKit.Notebooks.Documents;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>
/// A class of the submissions that broke grading before: one that fills its /tmp, notebooks over the size cap (in a
/// folder and in a zip that would unpack to 300 MB), and a student who handed in a folder and a zip. Graded once with
/// an 8 MB /tmp and a 1 MB notebook cap.
/// </summary>
public sealed class HostileClassFixture : IAsyncLifetime
{
    public static readonly GradingLimits Limits = GradedClassFixture.Limits with { TmpMegabytes = 8, MaxNotebookMegabytes = 1 };

    public TempFolder Root { get; } = new();

    public string Out => Path.Combine(Root.Path, "out");

    public ClassRun Run { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var submissions = Path.Combine(Root.Path, "submissions");
        Directory.CreateDirectory(submissions);
        var reference = FixtureClass.Cell(Notebook.Load(FixtureClass.Source(FixtureClass.Lesson1)), "L1.E5", CellRoles.Solution).Source;

        Save(submissions, "good", Lesson1(_ => { }));
        // The answer earns its 3 points only if writing 32 MB into the 8 MB /tmp failed; otherwise its justification is too short.
        Save(submissions, "fills-tmp", Lesson1(nb => FixtureClass.Cell(nb, "L1.E5", CellRoles.Solution).Source =
            "var filled = 0L;\n" +
            "try { using var file = System.IO.File.Create(\"/tmp/fill\"); var block = new byte[1 << 20]; while (filled < (32L << 20)) { file.Write(block); file.Flush(); filled += block.Length; } }\n" +
            "catch (System.IO.IOException) { }\n" +
            "var bet = new ProductBet(\"Photo notes\", MainBet.Multimodality, filled >= (32L << 20) ? \"x\"\n" +
            "    : \"The app turns a photo of a whiteboard into clean notes, so the user starts from a picture instead of typing, which is exactly the multimodal bet the product makes.\");"));
        Save(submissions, "fills-tmp-and-fails", Lesson1(nb => FixtureClass.Cell(nb, "L1.E5", CellRoles.Solution).Source =
            "System.IO.File.WriteAllBytes(\"/tmp/fill\", new byte[32 << 20]);\n" + reference));
        Save(submissions, "huge-notebook", Lesson1(nb => nb.AddMarkdown(new string('x', 2 << 20))));

        // One Markdown cell of 300 MB, which deflates to about 300 KB: the zip is small, what it would unpack to is not.
        using (var archive = ZipFile.Open(Path.Combine(submissions, "huge-zipped.zip"), ZipArchiveMode.Create))
        {
            using var entry = archive.CreateEntry("huge-zipped/" + FixtureClass.Lesson1, CompressionLevel.SmallestSize).Open();
            var line = new byte[1 << 20];
            Array.Fill(line, (byte)'x');
            for (var i = 0; i < 300; i++) entry.Write(line);
        }

        Save(submissions, "both", Lesson1(_ => { }));
        var partial = Path.Combine(Root.Path, "both-zip", "both");
        Directory.CreateDirectory(partial);
        File.WriteAllText(Path.Combine(partial, FixtureClass.Lesson1), "{ not json");
        ZipFile.CreateFromDirectory(Path.GetDirectoryName(partial)!, Path.Combine(submissions, "both.zip"));

        Run = await new ClassGrader(new GradingSetup(submissions, Out, Limits), force: false).GradeAsync();
    }

    private static Notebook Lesson1(Action<Notebook> edit)
    {
        var notebook = Notebook.Load(FixtureClass.Source(FixtureClass.Lesson1));
        edit(notebook);
        return notebook;
    }

    private static void Save(string submissions, string id, Notebook notebook)
    {
        Directory.CreateDirectory(Path.Combine(submissions, id));
        notebook.Save(Path.Combine(submissions, id, FixtureClass.Lesson1));
    }

    public Task DisposeAsync()
    {
        Root.Dispose();
        return Task.CompletedTask;
    }
}

[Trait("Category", "Slow")]
public sealed class HostileClassTests(HostileClassFixture fixture) : IClassFixture<HostileClassFixture>
{
    private StudentResult Student(string id) => fixture.Run.All.Single(r => r.StudentId == id);

    private string Read(params string[] parts) => File.ReadAllText(Path.Combine([fixture.Out, .. parts]));

    [Fact]
    public void Writing_more_than_the_tmp_cap_fails_inside_the_submission_and_grading_goes_on()
    {
        Assert.Equal(7, Student("fills-tmp").Total); // the write failed, so the long justification was chosen
        var failed = Student("fills-tmp-and-fails");
        Assert.Equal(4, failed.Total);
        Assert.Contains("No space left on device", failed.Exercise("L1.E5")!.Reason);
        Assert.Equal(7, Student("good").Total);
        Assert.Equal(7, Student("both").Total);
    }

    [Theory]
    [InlineData("huge-notebook", "01-AIGC-Frontier-Trends-Exercises.ipynb is 2.01 MB; notebooks over 1 MB are not graded")]
    [InlineData("huge-zipped", "huge-zipped.zip: huge-zipped/01-AIGC-Frontier-Trends-Exercises.ipynb is 300 MB; notebooks over 1 MB are not graded")]
    public void A_notebook_over_the_size_cap_makes_its_submission_not_gradable_with_the_reason(string id, string reason)
    {
        var result = Student(id);
        Assert.StartsWith(reason, result.NotGradable);
        Assert.All(result.Exercises, e => Assert.Equal(0, e.Earned));
        Assert.Empty(result.FreeText);

        var row = Csv.Read(Read(GradesCsv.FileName)).Rows.Single(r => r[0] == id);
        Assert.Equal(GradesCsv.NotGradable, row[^1]);
        Assert.All(row.Skip(1).SkipLast(1), cell => Assert.Equal("", cell));
        Assert.All(Csv.Read(Read(CanvasCsv.FileName)).Rows.Single(r => r[0] == id).Skip(5), cell => Assert.Equal("", cell));

        var feedback = Read("feedback", id + ".md");
        Assert.Contains("Not gradable: nothing in this submission was graded, so it has no score (which is not a score of 0).", feedback);
        Assert.Contains(reason, feedback);
        Assert.DoesNotContain("points, not run", feedback);
        Assert.Contains(reason, System.Net.WebUtility.HtmlDecode(Read(ClassSummary.FileName)));
    }

    [Fact]
    public void A_graded_zero_and_not_gradable_differ_in_the_gradebook_and_the_summary_counts_only_the_graded()
    {
        var rows = Csv.Read(Read(GradesCsv.FileName)).Rows;
        Assert.Equal("7", rows.Single(r => r[0] == "good")[^1]);
        var summary = Read(ClassSummary.FileName);
        Assert.Contains("4 students graded; mean total 6.3 of 51", summary); // good, fills-tmp, both: 7; fills-tmp-and-fails: 4
        Assert.Contains("2 not gradable (below), counted in none of the figures.", summary);
    }

    [Fact]
    public void A_notebook_over_the_cap_is_refused_before_anything_reads_or_unpacks_it()
    {
        // No worker started, no notebook parsed: the refusal takes no grading time.
        Assert.True(Student("huge-zipped").Seconds < 1, $"{Student("huge-zipped").Seconds} s");
        Assert.True(Student("huge-notebook").Seconds < 1, $"{Student("huge-notebook").Seconds} s");
    }

    [Fact]
    public void A_folder_and_a_zip_of_the_same_id_are_reported_and_the_folder_is_graded()
    {
        var both = Student("both");
        const string conflict = "two submissions have the id 'both': the folder both/ and both.zip. The folder was graded and both.zip was not";
        Assert.StartsWith(conflict, both.Conflict);
        Assert.StartsWith(conflict, both.Problems[0]);
        Assert.DoesNotContain(both.Problems, p => p.Contains("not valid JSON", StringComparison.Ordinal)); // the zip's broken notebook was not graded
        Assert.Contains(conflict, Read("feedback", "both.md"));
        Assert.Contains(conflict, System.Net.WebUtility.HtmlDecode(Read(ClassSummary.FileName)));
        Assert.All(fixture.Run.All.Where(r => r.StudentId != "both"), r => Assert.Null(r.Conflict));
    }
}

/// <summary>The same outputs from results made here, without grading: fast.</summary>
public sealed class NotGradableOutputTests
{
    private static readonly StudentResult Refused = SubmissionGrader.NotGradable("ada", "01-AIGC-Frontier-Trends-Exercises.ipynb is 300 MB; notebooks over 20 MB are not graded.");

    private static readonly StudentResult Zero = SubmissionGrader.Failed("bob", "the notebook is empty") with { Problems = [] };

    [Fact]
    public void Grades_csv_shows_not_gradable_apart_from_a_zero()
    {
        var rows = Csv.Read(GradesCsv.Write([Refused, Zero])).Rows;

        Assert.Equal(["ada", .. ExerciseCatalog.All.Select(_ => ""), "not gradable"], rows[2]);
        Assert.Equal(["bob", .. ExerciseCatalog.All.Select(_ => "0"), "0"], rows[3]);
    }

    [Fact]
    public void The_summary_leaves_a_not_gradable_submission_out_of_every_figure_and_lists_it()
    {
        var summary = ClassSummary.Write([Refused, Zero]);

        Assert.Contains("1 students graded; mean total 0 of 51", summary);
        Assert.Contains("<li><strong>ada</strong>: 01-AIGC-Frontier-Trends-Exercises.ipynb is 300 MB", summary);
    }

    [Fact]
    public void A_conflict_is_listed_first_among_the_problems_once()
    {
        var result = Zero with { Problems = ["late"] };

        var twice = result.WithConflict("two submissions").WithConflict("two submissions");

        Assert.Equal(["two submissions", "late"], twice.Problems);
        Assert.Equal("two submissions", twice.Conflict);
        Assert.Same(result, result.WithConflict(null));
    }
}
