using CourseKit.Checking.Release;
using CourseKit.Exercises.Catalog;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Pipelines;
using CourseKit.Notebooks.Site;

namespace CourseKit.Checking.Site;

/// <summary>
/// The course's site: the learning path (<c>notebooks/README.md</c>) as the index page, then each lesson of
/// <c>notebooks/</c> in file order, each followed by its exercise notebook as the student edition makes it
/// (<see cref="ReleasePipeline"/>: no reference solutions, no instructor notes; the hidden checks are never
/// referenced). Lessons run for their outputs; exercise pages are not run.
/// </summary>
public static class CourseSitePlan
{
    public const string Title = "Judging AIGC Frontier Trends";
    public const string LessonsFolder = "notebooks";
    public const string LearningPath = LessonsFolder + "/README.md";

    public static SitePlan Read(string repoRoot)
    {
        var readme = Path.Combine(repoRoot, LearningPath);
        if (!File.Exists(readme))
            throw new SiteException($"{LearningPath}: the learning path is missing; the site's index page is made from it.");
        var pages = new List<PlannedPage> { PlannedPage.FromMarkdown(LearningPath, "index.html", 0, File.ReadAllText(readme)) };

        var exercises = ExerciseCatalog.Notebooks.ToList();
        foreach (var lessonPath in Lessons(repoRoot))
        {
            var name = Path.GetFileNameWithoutExtension(lessonPath);
            var source = $"{LessonsFolder}/{Path.GetFileName(lessonPath)}";
            pages.Add(PlannedPage.FromNotebook(source, $"{LessonsFolder}/{name}.html", 0, Load(lessonPath, source), runFrom: lessonPath));
            var exercise = exercises.FirstOrDefault(e => e.Lesson == name);
            if (exercise is null) continue;
            exercises.Remove(exercise);
            pages.Add(ExercisePage(repoRoot, exercise, $"../{source}", level: 1));
        }
        pages.AddRange(exercises.Select(e => ExercisePage(repoRoot, e, null, level: 0)));
        return new SitePlan(Title, pages);
    }

    private static IEnumerable<string> Lessons(string repoRoot)
    {
        var folder = Path.Combine(repoRoot, LessonsFolder);
        if (!Directory.Exists(folder))
            throw new SiteException($"{LessonsFolder}/: the lessons' folder is missing.");
        return Directory.EnumerateFiles(folder)
            .Where(f => NotebookFiles.Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
    }

    private static Notebook Load(string path, string source)
    {
        try
        {
            return Notebook.Load(path);
        }
        catch (NotebookFormatException error)
        {
            throw new SiteException($"{source}: {error.Problem}");
        }
    }

    private static PlannedPage ExercisePage(string repoRoot, ExerciseNotebook exercise, string? lessonLink, int level)
    {
        var source = $"{ReleasePipeline.StudentFolder}/{exercise.FileName}";
        Notebook student;
        try
        {
            student = ReleasePipeline.Release(Path.Combine(repoRoot, ReleasePipeline.SourceFolder, exercise.FileName));
        }
        catch (ReleaseException error)
        {
            throw new SiteException($"{source}: the student edition cannot be made: {error.Message}");
        }
        return new PlannedPage(source, $"{ReleasePipeline.StudentFolder}/{Path.GetFileNameWithoutExtension(exercise.FileName)}.html", level,
            ExerciseHelp.Blocks(student, source, lessonLink))
        {
            Notebook = student,
        };
    }
}
