using NnViz.Lab.Experiments;

namespace NnViz.Lab.Tests;

public class ProjectionsTests
{
    [Fact]
    public void KindIsRegistered() => Assert.IsType<ProjectionsKind>(ExperimentKinds.ByName["image-projections"]);
}
