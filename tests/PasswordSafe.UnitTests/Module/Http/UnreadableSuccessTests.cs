using System;
using System.Net.Http;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// A change answered with a success status and a body that cannot be read was made: its error says so and how to find it,
/// not "check -Uri", and POST Requests counts it as a lost answer (the PowerShell side: UnreadableRequestAnswerTests).
/// </summary>
public class UnreadableSuccessTests
{
    private const string Hint = "Run with -Debug to see the answer.";

    private static PasswordSafeException NotJson() => new PasswordSafeException(ErrorIds.InvalidServerResponse,
        "POST https://pam.test/BeyondTrust/api/public/v3/Requests answered 201 with a body that is not valid JSON.",
        "Check that -Uri points at the Password Safe API. " + Hint);

    [Fact]
    public void ASuccessWithAnUnreadableBody_SaysTheChangeWasMade_KeepsTheId_AndDoesNotBlameUri()
    {
        var told = UnansweredChange.AfterUnreadableSuccess(new ApiRequest(HttpMethod.Post, "Requests") { Body = "{}" }, 201, NotJson(), Hint);

        Assert.Equal(ErrorIds.InvalidServerResponse, told.ErrorId);
        Assert.Equal("POST https://pam.test/BeyondTrust/api/public/v3/Requests answered 201 with a body that is not valid JSON, but 201 is a success: "
                     + "the server has made the request all the same, and only its answer could not be read.", told.Message);
        Assert.StartsWith("Look with Get-PSRequest -Status Active", told.RecommendedAction);
        Assert.EndsWith(Hint, told.RecommendedAction);
        Assert.DoesNotContain("-Uri", told.RecommendedAction);
        Assert.Equal(NotJson().Message, UnansweredChange.CallFailure(told));
        Assert.Equal(Hint, UnansweredChange.CallFailureAction(told));
    }

    [Fact]
    public void PostRequests_CountsAnUnreadableSuccessAsALostAnswer_ButNotAPlainUnreadableAnswer()
    {
        var unreadable = UnansweredChange.AfterUnreadableSuccess(new ApiRequest(HttpMethod.Post, "Requests"), 201, NotJson(), Hint);

        Assert.True(LostRequestAnswer.MayHaveMadeARequest(unreadable));
        Assert.False(LostRequestAnswer.MayHaveMadeARequest(NotJson()));
        Assert.Equal("although its answer could not be read", LostRequestAnswer.HowTheAnswerWent(unreadable));
        Assert.Equal("before its answer was lost", LostRequestAnswer.HowTheAnswerWent(new OperationCanceledException()));
    }

    [Fact]
    public void RecoveryThatFoundAndCheckedInAnUnreadableRequest_SaysSoWithoutTheGeneralWords()
    {
        var unreadable = UnansweredChange.AfterUnreadableSuccess(new ApiRequest(HttpMethod.Post, "Requests"), 201, NotJson(), Hint);

        var told = LostRequestAnswer.Explain(unreadable, LostRequestAnswer.LookForIt("web01\\x", how: LostRequestAnswer.HowTheAnswerWent(unreadable)));

        Assert.Equal(NotJson().Message + " The server may have made a request for web01\\x although its answer could not be read: look with Get-PSRequest -Status Active.",
            told.Message);
        Assert.Equal(Hint, told.RecommendedAction);
    }
}
