namespace CourseKit.Notebooks;
