using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// B2: every call outside Auth/ needs a live session cookie; none, unknown, signed out, idle too long, begun with a
/// rotated key (A6), with a dead token (C3, C7) or a deactivated registration, or a call from an address the
/// registration does not admit (B6) → 401.
/// </summary>
internal sealed class SessionRequiredFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var state = context.HttpContext.RequestServices.GetRequiredService<EmulatorState>();
        var session = state.UseSession(SessionCookie.Read(context.HttpContext), RequestFacts.Peer(context.HttpContext));
        if (session is null) return ValueTask.FromResult<object?>(ApiResults.Unauthorized());
        context.HttpContext.Items[RequestFacts.SessionItemKey] = session;
        return next(context);
    }
}
