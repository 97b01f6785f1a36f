namespace PasswordSafe.Emulator;

/// <summary>B4: a user's second factor; the challenge answer is kept encrypted.</summary>
public sealed class TwoFactorMethod
{
    internal TwoFactorMethod(TwoFactorType type, string prompt, ProtectedSecret? answer, bool pushApproved)
    {
        Type = type;
        Prompt = prompt;
        Answer = answer;
        PushApproved = pushApproved;
    }

    public static TwoFactorMethod None { get; } = new(TwoFactorType.None, string.Empty, null, true);

    public TwoFactorType Type { get; }
    /// <summary>Text sent in WWW-Authenticate-2FA.</summary>
    public string Prompt { get; }
    public bool PushApproved { get; }
    internal ProtectedSecret? Answer { get; }
}
