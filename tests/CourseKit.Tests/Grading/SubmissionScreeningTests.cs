using System.Buffers.Binary;
using System.IO.Compression;
using CourseKit.Grading.Submissions;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>What the grader decides about a submission before any worker starts: conflicts, size caps, zips that lie.</summary>
public sealed class SubmissionScreeningTests : IDisposable
{
    private const long Cap = 1L << 20;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_folder_and_a_zip_of_one_id_give_one_submission_the_folder_with_the_conflict_named()
    {
        _temp.Write("subs/ada/" + FixtureClass.Lesson1, "{}");
        _temp.Write("subs/ada.zip", "zip");
        _temp.Write("subs/bob.zip", "zip");
        _temp.Write("subs/cy/" + FixtureClass.Lesson1, "{}");

        var found = SubmissionFinder.Find(_temp.PathOf("subs"));

        Assert.Equal(["ada", "bob", "cy"], found.Select(s => s.StudentId));
        var ada = found[0];
        Assert.False(ada.IsZip);
        Assert.Equal(_temp.PathOf("subs/ada"), ada.Path);
        Assert.Equal("two submissions have the id 'ada': the folder ada/ and ada.zip. The folder was graded and ada.zip was not (when both exist, the folder is graded); to grade the zip instead, remove the folder and grade again with --force.", ada.Conflict);
        Assert.Null(found[1].Conflict);
        Assert.Null(found[2].Conflict);
    }

    [Fact]
    public void A_notebook_over_the_cap_in_a_folder_is_refused_by_its_size_and_others_are_let_through()
    {
        _temp.Write("ada/" + FixtureClass.Lesson1, new string(' ', (int)Cap + 1));
        _temp.Write("ada/big-data.csv", new string(' ', 3 * (int)Cap)); // not a notebook the grader reads
        _temp.Write("bob/" + FixtureClass.Lesson1, new string(' ', (int)Cap));

        var ada = Unpacker.Unpack(new Submission("ada", _temp.PathOf("ada"), IsZip: false), Cap);
        var bob = Unpacker.Unpack(new Submission("bob", _temp.PathOf("bob"), IsZip: false), Cap);

        Assert.Equal($"{FixtureClass.Lesson1} is 1 MB; notebooks over 1 MB are not graded (clear large outputs or cells, save, and hand it in again).", ada.NotGradable);
        Assert.Null(bob.NotGradable);
        Assert.Null(bob.Problem);
    }

    [Fact]
    public void A_zip_entry_over_the_cap_is_refused_by_its_declared_size_before_anything_is_unpacked()
    {
        var zip = ZipOf("ada", FixtureClass.Lesson1, 3 * Cap);

        using var unpacked = SafeZip.Unpack(new Submission("ada", zip, IsZip: true), Cap);

        Assert.Equal($"ada.zip: {FixtureClass.Lesson1} is 3 MB; notebooks over 1 MB are not graded (clear large outputs or cells, save, and hand it in again).", unpacked.NotGradable);
        Assert.Null(unpacked.Folder);
        Assert.Empty(Directory.EnumerateFileSystemEntries(unpacked.TempFolder!));
    }

    [Fact]
    public void A_large_file_in_a_zip_that_is_not_an_exercise_notebook_is_not_refused_by_the_notebook_cap()
    {
        var zip = ZipOf("ada", "my-own-lesson-copy.ipynb", 3 * Cap);

        using var unpacked = SafeZip.Unpack(new Submission("ada", zip, IsZip: true), Cap);

        Assert.Null(unpacked.NotGradable);
        Assert.NotNull(unpacked.Folder);
    }

    [Fact]
    public void A_zip_that_understates_a_notebooks_size_never_writes_more_than_the_cap()
    {
        var zip = ZipOf("eve", FixtureClass.Lesson1, 3 * Cap);
        Understate(zip, declared: 10);

        using var unpacked = SafeZip.Unpack(new Submission("eve", zip, IsZip: true), Cap);

        // Either the reader stops at the declared size (the notebook is cut short and fails to parse) or the count of
        // bytes written refuses it: in no case does more than the cap reach the disk.
        var written = Directory.EnumerateFiles(unpacked.TempFolder!, "*", SearchOption.AllDirectories).ToList();
        Assert.True(unpacked.NotGradable is not null || written.Count == 1, unpacked.Problem);
        Assert.All(written, f => Assert.True(new FileInfo(f).Length <= Cap, $"{f}: {new FileInfo(f).Length} bytes"));
    }

    private string ZipOf(string id, string entryName, long bytes)
    {
        var path = _temp.PathOf(id + ".zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        using var entry = archive.CreateEntry(entryName, CompressionLevel.Fastest).Open();
        var block = new byte[64 * 1024];
        Array.Fill(block, (byte)'x');
        for (long written = 0; written < bytes; written += block.Length) entry.Write(block);
        return path;
    }

    // Rewrites the uncompressed size of every entry, in its local header and in the central directory.
    private static void Understate(string zip, uint declared)
    {
        var bytes = File.ReadAllBytes(zip);
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), declared);
            else if (signature == 0x02014b50) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), declared);
        }
        File.WriteAllBytes(zip, bytes);
    }
}

public sealed class MemoryBudgetTests
{
    [Fact]
    public void The_budget_is_the_heap_limit_plus_the_tmp_cap_and_the_grader_warns_when_parallel_budgets_exceed_the_machine()
    {
        var limits = CourseKit.Grading.Isolation.GradingLimits.Default with { MemoryMegabytes = 512, TmpMegabytes = 64, Parallel = 2 };
        const long Megabyte = 1024 * 1024;

        Assert.Equal(576 * Megabyte, limits.MemoryBudgetBytes);
        Assert.Null(CourseKit.Grading.Isolation.GradingSandbox.MemoryWarning(limits, 2 * 676 * Megabyte));
        Assert.Equal("warning: 2 submissions graded at once may hold 1352 MB (512 MB heap + 64 MB /tmp + about 100 MB of runtime each), more than the 1351 MB available here; lower --parallel, --memory-mb or --tmp-mb.",
            CourseKit.Grading.Isolation.GradingSandbox.MemoryWarning(limits, 1351 * Megabyte));
    }
}
