using PasswordSafe.Commands;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>The advice of an error is shown once: in the message, unless the error view prints it on its own line.</summary>
public class ErrorRecordFactoryTests
{
    private static readonly PasswordSafeException Conflict = new(ErrorIds.Conflict,
        "A conflicting request already exists for web01\\Administrator (4091)", "Pass -ConflictOption Reuse.");

    [Theory]
    [InlineData(true, "ConciseView", true)]
    [InlineData(true, null, true)]
    [InlineData(true, "DetailedView", true)]
    [InlineData(true, "NormalView", false)]
    [InlineData(true, "CategoryView", false)]
    [InlineData(false, "ConciseView", false)] // PowerShell 7.0-7.4: ConciseView without the Recommendation line
    [InlineData(false, null, false)]          // Windows PowerShell 5.1
    public void ViewShowsRecommendation_OnlyConciseOrDetailedViewOfPowerShell75AndLater(bool engineShowsIt, string? errorView, bool expected) =>
        Assert.Equal(expected, ErrorRecordFactory.ViewShowsRecommendation(engineShowsIt, errorView));

    [Fact]
    public void Create_ViewWithoutRecommendationLine_MessageEndsWithTheAdvice_AsItsOwnSentence()
    {
        var record = ErrorRecordFactory.Create(Conflict, "web01\\Administrator", viewShowsRecommendation: false);

        Assert.Equal("A conflicting request already exists for web01\\Administrator (4091). Pass -ConflictOption Reuse.", record.ErrorDetails.Message);
        Assert.Equal("Pass -ConflictOption Reuse.", record.ErrorDetails.RecommendedAction);
        Assert.Equal("Conflict", record.FullyQualifiedErrorId);
        Assert.Equal("web01\\Administrator", record.TargetObject);
    }

    [Fact]
    public void Create_ViewWithRecommendationLine_MessageWithoutTheAdvice_WhichStaysInRecommendedAction()
    {
        var record = ErrorRecordFactory.Create(Conflict, null, viewShowsRecommendation: true);

        Assert.Equal("A conflicting request already exists for web01\\Administrator (4091)", record.ErrorDetails.Message);
        Assert.Equal("Pass -ConflictOption Reuse.", record.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void Create_NoAdvice_MessageAsIs()
    {
        var record = ErrorRecordFactory.Create(new PasswordSafeException(ErrorIds.ObjectNotFound, "No such user"), null, viewShowsRecommendation: false);

        Assert.Equal("No such user", record.ErrorDetails.Message);
        Assert.True(string.IsNullOrEmpty(record.ErrorDetails.RecommendedAction));
    }
}
