/* cg.h — lowering the segments of a scoring program to an LLVM module.
 *
 * One module per ir_program; one function per segment of its exec_plan
 * (runtime/exec.h), named "seg_N" for segment N, with the C signature
 *
 *   void seg_N(const double *const *inputs, double *const *cols,
 *              int64_t lo, int64_t hi);
 *
 * matching exec_frame: it computes rows [lo, hi) of every materialized slot
 * of the segment, reading `inputs` (p->ninputs columns) and the materialized
 * columns of earlier slots in `cols`, and writing the segment's materialized
 * columns in `cols`.
 *
 * Shape of the code (PostgreSQL's llvmjit_expr.c style): the segment's
 * materialized slots are split into groups of a few consecutive slots; each
 * group is an internal, never-inlined function seg_N.gK whose parameters
 * are the column pointers it needs, each `noalias` (`readonly` for columns
 * it reads, `writeonly` for the ones it writes), so that the optimiser knows
 * no store can change a load.  Its body is one loop over the rows with a
 * straight-line, branch-free body: every ir.h operation is fcmp
 * (ordered/unordered predicates) and select, so loops vectorise.  seg_N
 * loads every column pointer once and calls the groups in order.  No
 * fast-math flags: the results equal a plain C evaluation of ir.h bit for
 * bit (NaN sign and payload aside: ir.h makes any NaN "missing").  Missing
 * values are NaNs, as ir.h says.
 *
 * Temporaries live in SSA values.  A materialized slot written before a
 * group runs (by an earlier segment, a barrier, or an earlier group of the
 * same segment, for the same rows) is loaded from its column; any other
 * slot a group needs is recomputed from its operands (it is elementwise by
 * construction), and constants and inputs are always recomputed rather
 * than loaded from a column.
 *
 * Requirements on the caller's columns: every materialized slot has its own
 * array, distinct from the input arrays and from every other slot's array
 * (input arrays may share storage with each other: they are only read). */
#ifndef PLANC_CG_H
#define PLANC_CG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <llvm-c/Core.h>

#include "exec.h"
#include "ir.h"

/* Longest segment function name including the NUL ("seg_4294967295"). */
#define CG_NAME_MAX 24

/* Writes the name of segment `seg`'s function ("seg_N") into buf. */
void cg_segment_name(uint32_t seg, char buf[CG_NAME_MAX]);

/* Lowers every segment of `plan` into a new module named `name` in `ctx`.
 * Returns NULL after printing "planc: internal error: JIT: ..." to `err` when
 * the program breaks an ir.h/exec.h rule (an operand that is not an earlier
 * slot, an input index out of range, a barrier inside a segment, a barrier
 * result that is not materialized) or the module fails LLVM's verifier.
 * The module belongs to the caller (LLVMDisposeModule). */
LLVMModuleRef cg_module(LLVMContextRef ctx, const ir_program *p,
                        const exec_plan *plan, const char *name, FILE *err);

#endif
