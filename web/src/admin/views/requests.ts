// Counts a list of requests shows at a glance (本部门's card).
export function requestCounts(items: readonly { state: 'waiting' | 'replied' | 'answered'; overdue: boolean }[]) {
  return {
    waiting: items.filter((i) => i.state === 'waiting').length,
    overdue: items.filter((i) => i.overdue).length,
    answered: items.filter((i) => i.state === 'answered').length,
  };
}
