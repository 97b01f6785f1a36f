namespace PasswordSafe.Session;

/// <summary>
/// Either a signed-in user, or a B4 challenge the caller must answer. Prompting is left to the cmdlet
/// so it happens on the pipeline thread, through the host.
/// </summary>
internal sealed class SignInOutcome
{
    private SignInOutcome(SignedInUser? user, string? challengePrompt)
    {
        User = user;
        ChallengePrompt = challengePrompt;
    }

    public SignedInUser? User { get; }

    /// <summary>The server's <c>WWW-Authenticate-2FA</c> prompt, when a challenge is required.</summary>
    public string? ChallengePrompt { get; }

    public bool ChallengeRequired => User == null;

    public static SignInOutcome SignedIn(SignedInUser user) => new SignInOutcome(user, null);

    public static SignInOutcome Challenge(string prompt) => new SignInOutcome(null, prompt);
}
