using Microsoft.AspNetCore.Http;

namespace PasswordSafe.Emulator.Http;

/// <summary>The signed-in caller of a checkout call, for role checks and the audit.</summary>
internal static class CallerFacts
{
    internal static Caller? From(HttpContext context, EmulatorState state)
    {
        var session = RequestFacts.Session(context);
        return state.FindUser(session.UserId) is { } user
            ? new Caller(user, session.RegistrationId, RequestFacts.Peer(context)?.ToString())
            : null;
    }
}
